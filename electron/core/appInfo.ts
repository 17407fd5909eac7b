import pkg from '../../package.json';

/** The app's own version, written into backups and exported files. */
export const APP_VERSION: string = pkg.version;
export const PRODUCT_NAME: string = pkg.productName;
