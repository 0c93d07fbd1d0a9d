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
