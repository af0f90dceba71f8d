// The dashboard's WAMP client: Autobahn|JS in the browser, talking to the router the app serves at /ws
// (same origin, so the router's origin check lets it in without any AllowedOrigins entry).
'use strict';

const status = document.getElementById('status');
const updates = document.getElementById('updates');
const latest = document.getElementById('latest');
const recent = document.getElementById('recent');
const result = document.getElementById('result');
const chart = document.getElementById('chart');
const points = [];
let session = null;

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function draw() {
  const context = chart.getContext('2d');
  const { width, height } = chart;
  context.clearRect(0, 0, width, height);
  if (points.length < 2) return;
  const values = points.map(p => p.value);
  const min = Math.min(...values) - 1;
  const max = Math.max(...values) + 1;
  context.strokeStyle = '#2e90fa';
  context.lineWidth = 2;
  context.beginPath();
  points.forEach((p, i) => {
    const x = (i / (points.length - 1)) * (width - 20) + 10;
    const y = height - 10 - ((p.value - min) / (max - min)) * (height - 20);
    if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
  });
  context.stroke();
}

function onValue(args, kwargs) {
  points.push(kwargs);
  if (points.length > 60) points.shift();
  const count = Number(updates.dataset.count) + 1;
  updates.dataset.count = String(count);
  updates.textContent = String(count);
  latest.textContent = kwargs.value.toFixed(2);
  const row = document.createElement('tr');
  for (const text of [kwargs.seq, kwargs.time.substring(11, 19), kwargs.value.toFixed(2)]) {
    const cell = document.createElement('td');
    cell.textContent = String(text);
    row.appendChild(cell);
  }
  recent.prepend(row);
  while (recent.rows.length > 5) recent.deleteRow(recent.rows.length - 1);
  draw();
}

document.getElementById('call-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!session) {
    result.textContent = 'not connected';
    return;
  }
  const number = Number(document.getElementById('number').value);
  result.textContent = '…';
  try {
    result.textContent = await session.call('get_binary_number', [number]);
  } catch (error) {
    result.textContent = `error: ${error.error || error}`;
  }
});

const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const connection = new autobahn.Connection({
  url: `${scheme}://${location.host}/ws`,
  realm: 'realm1',
  max_retry_delay: 5,
});

connection.onopen = (opened) => {
  session = opened;
  setStatus('open', `joined realm1 as ${opened.id}`);
  opened.subscribe('com.example.dashboard.value', onValue);
};

connection.onclose = (reason, details) => {
  session = null;
  setStatus('closed', `disconnected (${reason}${details && details.reason ? `: ${details.reason}` : ''}), retrying…`);
};

connection.open();
