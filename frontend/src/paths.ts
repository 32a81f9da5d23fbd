/** Where "/" and a finished sign-in go. Becomes /today when the Today page lands. */
export const HOME_PATH = '/settings';
export const SIGN_IN_PATH = '/sign-in';
export const SIGN_UP_PATH = '/sign-up';
