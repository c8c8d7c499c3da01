// The popup, with the views it loads only when shown (components/Lazy.tsx) loaded beforehand: no
// import of theirs can then still be pending when a test file's environment is torn down (on a busy
// machine one can come that late). Test files take the popup from here (tests/meta.test.ts checks).
// Not in the Vitest setup file: that runs again for every test file, and these imports with it.
import '../../components/directory/DirectoryNote';
import '../../components/popup/CatalogView';
import '../../components/popup/PackageView';
import '../../components/share/SharePanel';

export { Popup } from '../../components/popup/Popup';
