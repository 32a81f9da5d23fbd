/** Where "/" and a finished sign-in go: the Today page, where check-ins happen. */
export const HOME_PATH = '/today';
export const SIGN_IN_PATH = '/sign-in';
export const SIGN_UP_PATH = '/sign-up';
