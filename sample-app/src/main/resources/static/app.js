// Progressive enhancement: the form works without JavaScript; with it, an upload progress bar.
(function () {
  'use strict';
  const form = document.getElementById('upload-form');
  if (form && window.XMLHttpRequest && window.FormData) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const progress = document.getElementById('progress');
      const text = document.getElementById('progress-text');
      const button = document.getElementById('submit');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          progress.hidden = false;
          progress.value = Math.round((e.loaded / e.total) * 100);
          text.textContent = progress.value < 100 ? progress.value + '% sent' : 'Creating the group…';
        }
      });
      xhr.addEventListener('load', function () {
        // The server answers 303 to the group page; XHR follows it, so responseURL is that page.
        if (xhr.status === 200 && /\/groups\/[^/]+$/.test(new URL(xhr.responseURL).pathname)) {
          window.location.assign(xhr.responseURL);
          return;
        }
        // A validation or upstream error: show the page the server rendered.
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener('error', function () {
        button.disabled = false;
        text.textContent = 'The upload failed: the connection was lost. Please try again.';
      });
      button.disabled = true;
      xhr.send(new FormData(form));
    });
  }
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.addEventListener('click', function () {
      const input = document.getElementById(button.dataset.copyTarget);
      input.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value);
      } else {
        document.execCommand('copy');
      }
      button.textContent = 'Copied';
    });
  });
})();
