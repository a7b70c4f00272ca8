// The demo page's copy button: copies the snippet and says so in a status message screen readers announce.
const button = document.getElementById('copy');
const status = document.getElementById('copy-status');
const snippet = document.getElementById('snippet');

button.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = 'Copied.';
  } catch {
    // No clipboard (an insecure page, or permission refused): select the code so the reader can copy it by hand.
    getSelection().selectAllChildren(snippet);
    status.textContent = 'Press Ctrl+C (or Cmd+C) to copy the selected code.';
  }
});
