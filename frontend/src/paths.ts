/** Where "/" and a finished sign-in go: the home screen (the day across every domain; Today is one tap away). */
export const HOME_PATH = '/home';
export const SIGN_IN_PATH = '/sign-in';
export const SIGN_UP_PATH = '/sign-up';
