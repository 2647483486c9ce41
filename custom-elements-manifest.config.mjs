// Settings of the custom-elements manifest analyzer (`cem analyze` reads this file by itself):
// used by `npm run build`, which writes custom-elements.json, and by `npm run check:manifest`.
import {readFileSync} from 'node:fs';

/** Plain UTF-16 order: the same on every machine, whatever its locale. */
function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export default {
  globs: ['src/**/*.ts'],
  // The test doubles beside their interfaces (src/protocol/testing.ts) are not public API.
  exclude: ['src/**/testing.ts'],
  litelement: true,
  // package.json already names custom-elements.json; the analyzer would rewrite the file.
  packagejson: false,

  /**
   * The analyzer's glob lists the files in whatever order the file system answers, and the
   * manifest lists its modules in that order, so each build wrote a differently ordered (but
   * otherwise equal) custom-elements.json and a clean clone was dirty after `npm start`.
   * Reading the files in path order makes the manifest the same on every run.
   */
  overrideModuleCreation({ts, globs}) {
    return [...globs]
      .sort(byCodeUnits)
      .map((path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2015, true));
  },
};
