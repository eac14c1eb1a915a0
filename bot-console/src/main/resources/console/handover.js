// A request's conversation refreshes itself every few seconds. It keeps the newest line in view, as a chat does,
// unless the reader scrolled up to read earlier lines: then it stays where they are until they scroll down again.
(function () {
  'use strict';
  var NEAR = 24; // pixels from the bottom that still count as reading the newest line
  var pinned = true;
  var kept = 0;

  function list() {
    return document.getElementById('conversation');
  }

  function atNewest(element) {
    return element.scrollHeight - element.scrollTop - element.clientHeight <= NEAR;
  }

  function toNewest() {
    var element = list();
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }

  function isLive(event) {
    return event.detail && event.detail.target && event.detail.target.id === 'live';
  }

  document.addEventListener('scroll', function (event) {
    if (event.target && event.target.id === 'conversation') {
      pinned = atNewest(event.target);
      kept = event.target.scrollTop;
    }
  }, true);
  document.addEventListener('load', function (event) {
    if (pinned && event.target && event.target.tagName === 'IMG' && event.target.closest('#conversation')) {
      toNewest();
    }
  }, true);
  document.addEventListener('htmx:beforeSwap', function (event) {
    var element = list();
    if (isLive(event) && element) {
      pinned = atNewest(element);
      kept = element.scrollTop;
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var element = list();
    if (!isLive(event) || !element) {
      return;
    }
    if (pinned) {
      toNewest();
    } else {
      element.scrollTop = kept;
    }
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', toNewest);
  } else {
    toNewest();
  }
})();
