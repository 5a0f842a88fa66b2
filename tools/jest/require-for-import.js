// Jest runs the tests as CommonJS without Node's VM modules, and refuses an `import()` made inside
// a module it loaded (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG). The gateway's router runtime
// (ADR 0040) loads its native query planner, itself a CommonJS package, with `await import(name)`:
// under Jest that one call becomes `require(name)`, the same module either way.
module.exports = {
  process(source) {
    return { code: source.replace(/await import\(moduleName\)/g, 'require(moduleName)') };
  },
};
