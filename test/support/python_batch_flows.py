"""Jobs, CronJobs and HPAs through Debian's python3-kubernetes (typed models) against a sandbox.

Usage: python3 python_batch_flows.py KUBECONFIG
Prints one JSON object with what the typed client read back; the vitest test judges it.
"""
import json
import sys

from kubernetes import client, config


def main() -> None:
    config.load_kube_config(config_file=sys.argv[1])
    batch = client.BatchV1Api()
    hpa = client.AutoscalingV1Api()
    job = client.V1Job(
        metadata=client.V1ObjectMeta(name="py-job"),
        spec=client.V1JobSpec(
            template=client.V1PodTemplateSpec(
                spec=client.V1PodSpec(
                    restart_policy="Never",
                    containers=[client.V1Container(name="main", image="busybox", command=["echo", "hi"])],
                )
            )
        ),
    )
    created = batch.create_namespaced_job("default", job)
    done = batch.read_namespaced_job("done", "default")
    cron = batch.list_namespaced_cron_job("default").items
    scaler = hpa.read_namespaced_horizontal_pod_autoscaler("web", "default")
    print(
        json.dumps(
            {
                "created": [created.spec.backoff_limit, created.spec.completions, created.spec.completion_mode],
                "done": [c.type for c in done.status.conditions] + [done.status.succeeded],
                "cron": [(c.metadata.name, c.spec.schedule, c.spec.concurrency_policy) for c in cron],
                "hpa": [scaler.spec.max_replicas, scaler.spec.target_cpu_utilization_percentage],
            }
        )
    )


main()
