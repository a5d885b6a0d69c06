// Backend selection and the wasm training kernels.
export { BACKEND_ORDER, formatBackendInfo } from './backendInfo.ts';
export type { BackendChoice, BackendInfo, BackendRequest } from './backendInfo.ts';
export { BACKEND_ENV_VAR, currentBackendInfo, initBackend, parseBackendRequest, resolveBackendRequest } from './initBackend.ts';
export type { InitBackendOptions } from './initBackend.ts';
// wasm kernels
export { registerWasmKernels, WASM_KERNEL_NAMES } from './wasm/registerWasmKernels.ts';
