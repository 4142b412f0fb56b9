// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form with data-confirm asks before it is sent (e.g. removing a day from the calendar).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// A photo input with data-photo-picker lists the files picked, each with a button to take it off before saving
// (a phone's picker cannot drop one photo of several). Without JS the input works as it is.
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[type=file][data-photo-picker]') || typeof DataTransfer === 'undefined') {
    return;
  }
  var list = input.parentElement.querySelector('[data-picked-photos]');
  if (!list) {
    return;
  }
  var render = function () {
    list.textContent = '';
    Array.prototype.forEach.call(input.files, function (file, index) {
      var item = document.createElement('li');
      item.className = 'border rounded px-2 py-1 small';
      item.setAttribute('data-picked', file.name);
      item.appendChild(document.createTextNode(file.name + ' '));
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn btn-link btn-sm p-0 text-danger';
      remove.setAttribute('data-remove-picked', String(index));
      remove.textContent = document.documentElement.lang && document.documentElement.lang.indexOf('en') === 0 ? 'Remove' : '移除';
      remove.addEventListener('click', function () {
        var kept = new DataTransfer();
        Array.prototype.forEach.call(input.files, function (f, i) {
          if (i !== index) {
            kept.items.add(f);
          }
        });
        input.files = kept.files;
        render();
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
  };
  render();
});
