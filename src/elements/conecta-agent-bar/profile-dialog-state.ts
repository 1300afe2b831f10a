/** Where each of the dialog's two forms stands. */
export interface ProfileDialogState {
  saving: boolean;
  saved: boolean;
  profileError: string;
  uploading: boolean;
  changingPassword: boolean;
  passwordChanged: boolean;
  passwordError: string;
}

export const idleProfileDialog: ProfileDialogState = {
  saving: false,
  saved: false,
  profileError: '',
  uploading: false,
  changingPassword: false,
  passwordChanged: false,
  passwordError: '',
};
