/*
 * Looplab embed helper: resizes Looplab iframes to their content.
 *
 * Include once on a page that embeds Looplab lessons:
 *   <script src="https://YOUR-LOOPLAB/embed.js" async></script>
 *
 * It listens for the embeds' messages (protocol version 1):
 *   { looplab: 1, type: "resize", height: <px>, frame: <string|null> }
 * and sets the height of the one iframe that sent it, only when that
 * iframe's src is on the Looplab this script was loaded from. Nothing else
 * on the page is read or touched.
 *
 * It also offers Looplab.send(iframe, command) to send the documented
 * commands: { command: "play" } | { command: "pause" } |
 * { command: "step", step: N }.
 */
(function () {
  'use strict';
  var PROTOCOL = 1;
  var MIN_HEIGHT = 80;
  var MAX_HEIGHT = 20000;
  var script = document.currentScript;
  var base = new URL(script && script.src ? script.src : './', location.href);
  var origin = base.origin;
  var dir = base.href.slice(0, base.href.lastIndexOf('/') + 1);

  function isLooplab(frame) {
    try {
      var src = new URL(frame.src, location.href);
      return src.origin === origin && src.href.indexOf(dir) === 0 && src.searchParams.has('embed');
    } catch (e) {
      return false;
    }
  }

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return isLooplab(frames[i]) ? frames[i] : null;
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.looplab !== PROTOCOL || data.type !== 'resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
    frame.style.height = height + 'px';
    frame.setAttribute('data-looplab-height', String(height));
  });

  window.Looplab = window.Looplab || {
    /** Sends a documented command ("play", "pause", or "step" with a step number). */
    send: function (frame, command, step) {
      if (!frame || !frame.contentWindow || !isLooplab(frame)) return;
      var message = { looplab: PROTOCOL, command: command };
      if (command === 'step') message.step = step;
      frame.contentWindow.postMessage(message, origin);
    },
  };
})();
