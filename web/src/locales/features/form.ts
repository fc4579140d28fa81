/** Words every form shares (the field frame, the unsaved-changes warning). */
export const vi = {
  form: {
    required: 'bắt buộc',
    optional: 'không bắt buộc',
    unsavedTitle: 'Có thay đổi chưa lưu',
    unsavedLeave: 'Bạn có thay đổi chưa lưu. Rời trang và bỏ các thay đổi này?',
  },
};

export const en: typeof vi = {
  form: {
    required: 'required',
    optional: 'optional',
    unsavedTitle: 'Unsaved changes',
    unsavedLeave: 'You have unsaved changes. Leave the page and discard them?',
  },
};
