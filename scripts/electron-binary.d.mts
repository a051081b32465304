export function electronBinary(root?: string): { path: string | undefined; reason: string | undefined }
