"""Core flows through the official Python client (Debian's python3-kubernetes) against a sandbox.

Usage: python3 python_client_flows.py KUBECONFIG
Prints one JSON object with what each flow saw; the vitest test judges it.
"""
import json
import sys
import threading

from kubernetes import client, config, watch

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
apps = client.AppsV1Api()
out = {}

out["version"] = client.VersionApi().get_code().minor
out["namespaces"] = sorted(ns.metadata.name for ns in core.list_namespace().items)

body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-cm"), data={"a": "1"})
created = core.create_namespaced_config_map("default", body)

# A watch from the create's resourceVersion: the client sends watch=True, which the server must read as
# a boolean; starting from a known version makes the events it sees independent of thread timing.
seen = []


def watch_configmaps():
    w = watch.Watch()
    for event in w.stream(core.list_namespaced_config_map, "default",
                          field_selector="metadata.name=py-cm",
                          resource_version=created.metadata.resource_version, timeout_seconds=10):
        seen.append([event["type"], event["object"].data])
        if event["type"] == "MODIFIED":
            w.stop()


watcher = threading.Thread(target=watch_configmaps)
watcher.start()
patched = core.patch_namespaced_config_map("py-cm", "default", {"data": {"b": "2"}})
watcher.join(15)
out["patched"] = patched.data
out["watch"] = seen

dep = client.V1Deployment(
    metadata=client.V1ObjectMeta(name="py-web"),
    spec=client.V1DeploymentSpec(
        replicas=1,
        selector=client.V1LabelSelector(match_labels={"app": "py-web"}),
        template=client.V1PodTemplateSpec(
            metadata=client.V1ObjectMeta(labels={"app": "py-web"}),
            spec=client.V1PodSpec(containers=[client.V1Container(name="web", image="nginx:1.27")]),
        ),
    ),
)
apps.create_namespaced_deployment("default", dep)
scaled = apps.patch_namespaced_deployment_scale("py-web", "default", {"spec": {"replicas": 3}})
out["scaled"] = scaled.spec.replicas
try:
    core.read_namespaced_config_map("missing", "default")
except client.exceptions.ApiException as e:
    out["missing"] = [e.status, json.loads(e.body)["reason"]]
core.delete_namespaced_config_map("py-cm", "default")
out["after_delete"] = [cm.metadata.name for cm in core.list_namespaced_config_map("default").items]
print(json.dumps(out))
