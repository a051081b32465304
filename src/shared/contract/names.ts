import { z } from 'zod'

/** RFC 1123 label: what Kubernetes demands of namespace names (and kind/minikube of cluster names). */
export const dns1123Label = z
  .string()
  .min(1, 'must not be empty')
  .max(63, 'must be at most 63 characters')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be lowercase letters, digits and "-", starting and ending alphanumeric',
  )

/** RFC 1123 subdomain: most object names (pods, deployments, configmaps…). */
export const dns1123Subdomain = z
  .string()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be lowercase letters, digits, "-" and ".", starting and ending alphanumeric',
  )

/** A kubeconfig context name: free text in kubeconfig, but never empty, huge or carrying control characters. */
export const contextName = z
  .string()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters')
