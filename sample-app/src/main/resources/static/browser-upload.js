// The page "Upload in the browser": Uploadcare's File Uploader (vendored, see vendor/uploadcare-file-uploader/README.md).
import * as UC from './vendor/uploadcare-file-uploader/file-uploader.min.js';

UC.defineComponents(UC);

const config = document.getElementById('uploader-config');
const credentialsUrl = config.dataset.credentialsUrl;
if (credentialsUrl) {
  // Signed uploads: the server hands out {secureSignature, secureExpire}; the uploader asks again before they expire.
  config.secureUploadsSignatureResolver = async () => {
    const response = await fetch(credentialsUrl, { method: 'POST', headers: { Accept: 'application/json' },
      credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('Upload credentials refused: HTTP ' + response.status);
    }
    return response.json();
  };
}

const submit = document.getElementById('submit');
const status = document.getElementById('uploader-status');
document.getElementById('uploader-ctx').addEventListener('change', (event) => {
  const state = event.detail;
  const ready = state.status === 'success' && state.group != null;
  submit.disabled = !ready;
  status.textContent = ready ? state.totalCount + ' files uploaded as group ' + state.group.uuid + '.'
    : (state.status === 'failed' ? 'Upload failed: ' + (state.errors[0]?.message ?? 'see the list above')
    : (state.status === 'uploading' ? 'Uploading…' : 'Choose files to upload.'));
});
