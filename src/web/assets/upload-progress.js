/**
 * Progress while a big file uploads: a progressive enhancement, so without JavaScript the form posts as it always
 * does. A form marked `data-upload-progress` with a file of 256 KB or more is sent with XMLHttpRequest, and a status
 * line with a <progress> bar under its button says how much has gone. Where the server redirects (the import's
 * preview), the browser goes there; any other answer (a form shown again with its errors) replaces the page.
 */
const BIG_FILE_BYTES = 256 * 1024;

export function initUploadProgress(root = document) {
  for (const form of root.querySelectorAll('form[data-upload-progress]')) {
    form.addEventListener('submit', (event) => {
      const input = form.querySelector('input[type="file"]');
      const file = input && input.files ? input.files[0] : undefined;
      if (!file || file.size < BIG_FILE_BYTES || typeof XMLHttpRequest === 'undefined') return;
      event.preventDefault();
      const button = form.querySelector('button[type="submit"], button:not([type])');
      if (button) button.disabled = true;

      const status = document.createElement('div');
      status.className = 'waymark-upload-progress govuk-!-margin-bottom-6';
      const text = document.createElement('p');
      text.className = 'govuk-body';
      text.setAttribute('role', 'status');
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-hidden', 'true');
      status.append(text, bar);
      form.append(status);
      const say = (percent) => {
        bar.value = percent;
        text.textContent = percent < 100 ? `Uploading ${file.name}: ${percent}%` : `Uploaded ${file.name}. Checking it…`;
      };
      say(0);

      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', (progress) => {
        if (progress.lengthComputable) say(Math.floor((progress.loaded / progress.total) * 100));
      });
      request.addEventListener('load', () => {
        const redirected = request.responseURL && request.responseURL !== form.action;
        if (redirected && request.status < 400) {
          window.location.assign(request.responseURL);
          return;
        }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener('error', () => {
        // The page can still be posted the plain way.
        status.remove();
        if (button) button.disabled = false;
        HTMLFormElement.prototype.submit.call(form);
      });
      request.send(new FormData(form, event.submitter ?? undefined));
    });
  }
}
