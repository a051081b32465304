/** Starting points for "New": the kinds a tutorial creates first, valid as written. */
export const templates: { id: string; label: string; text: string }[] = [
  {
    id: 'deployment-service',
    label: 'Deployment + Service',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`,
  },
  {
    id: 'deployment',
    label: 'Deployment',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
  },
  {
    id: 'pod',
    label: 'Pod',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  containers:
    - name: hello
      image: busybox:1.36
      command: ["sh", "-c", "echo hello; sleep 3600"]
`,
  },
  {
    id: 'configmap',
    label: 'ConfigMap',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LOG_LEVEL: info
`,
  },
  {
    id: 'service',
    label: 'Service',
    text: `apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  selector:
    app: app
  ports:
    - port: 80
      targetPort: 80
`,
  },
  {
    id: 'namespace',
    label: 'Namespace',
    text: `apiVersion: v1
kind: Namespace
metadata:
  name: playground
`,
  },
]
