import { initAll } from '/assets/govuk-frontend.min.js';
import { initUploadProgress } from '/assets/app/upload-progress.js';

initAll();
initUploadProgress();
