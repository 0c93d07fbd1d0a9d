// Shows how DonDoc understands a deadline while the reviewer types it.
(function () {
    const form = document.getElementById('review-form');
    if (!form) return;
    const year = form.dataset.year || '';
    let timer;
    form.addEventListener('input', (event) => {
        const input = event.target;
        if (!input.matches('[data-deadline]')) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const output = input.parentElement.querySelector('[data-deadline-output]');
            const url = location.pathname + '?handler=Deadline&text=' + encodeURIComponent(input.value) + '&year=' + encodeURIComponent(year);
            try {
                const response = await fetch(url, { headers: { 'Accept': 'application/json' } });
                if (response.ok) output.textContent = (await response.json()).explanation;
            } catch (e) {
                output.textContent = 'Không kiểm tra được thời hạn.';
            }
        }, 250);
    });
})();

// "Tách" splits a row's content where the caret stands in its text box; "Xóa" asks first.
(function () {
    const form = document.getElementById('review-form');
    if (!form) return;
    form.addEventListener('click', (event) => {
        const button = event.target.closest('button');
        if (!button) return;
        if (button.matches('[data-delete]') && !window.confirm('Xóa dòng nhiệm vụ này? Nguyên văn của dòng vẫn được lưu trong nhật ký.')) {
            event.preventDefault();
            return;
        }
        if (!button.matches('[data-split]')) return;
        const box = button.closest('tr').querySelector('textarea[name$=".Content"]');
        const at = form.querySelector('#split-at');
        // The content is saved trimmed: count the caret from the first letter.
        const leading = box.value.length - box.value.trimStart().length;
        at.value = String(Math.max(0, box.selectionStart - leading));
    });
})();
