// The types of jsonc-parser's scanner file, which jsonTree.ts imports on its own: the package
// declares only its main file, which exports the same function.
declare module 'jsonc-parser/lib/umd/impl/scanner' {
  export { createScanner } from 'jsonc-parser';
}
