"""exec and port-forward through the official Python client (Debian's python3-kubernetes) against a sandbox.

Usage: python3 python_stream_flows.py KUBECONFIG POD
Prints one JSON object with what each flow saw; the vitest test judges it.
"""
import json
import sys

from kubernetes import client, config
from kubernetes.stream import portforward, stream

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
pod = sys.argv[2]
out = {}

# exec over the WebSocket channel protocol (v4.channel.k8s.io): output, stderr and the exit code
resp = stream(core.connect_get_namespaced_pod_exec, pod, "default",
              command=["sh", "-c", "hostname; cat /nope; exit 3"],
              stderr=True, stdin=False, stdout=True, tty=False, _preload_content=False)
resp.run_forever(timeout=20)
out["exec"] = {"stdout": resp.read_stdout(), "stderr": resp.read_stderr(), "code": resp.returncode}
resp.close()

# the all-in-one form most scripts use
out["exec_simple"] = stream(core.connect_get_namespaced_pod_exec, pod, "default",
                            command=["cat", "/etc/hostname"], stderr=True, stdin=False, stdout=True, tty=False)

# port-forward over the WebSocket channel protocol: one HTTP request through a forwarded socket
pf = portforward(core.connect_get_namespaced_pod_portforward, pod, "default", ports="80")
sock = pf.socket(80)
sock.setblocking(True)
sock.settimeout(20)
sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
data = b""
while True:
    chunk = sock.recv(65536)
    if not chunk:
        break
    data += chunk
sock.close()
out["forward"] = data.decode("utf-8", "replace")
out["forward_error"] = pf.error(80)

print(json.dumps(out))
