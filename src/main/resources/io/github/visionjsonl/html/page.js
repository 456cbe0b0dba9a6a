// Draws the page's charts from the JSON data island with ECharts, and records what happened
// (charts drawn, script errors) on the <html> element, for people and for the browser test.
(function () {
  'use strict';
  var status = { charts: 0, errors: [] };
  window.addEventListener('error', function (e) { status.errors.push(String(e.message)); publish(); });
  var consoleError = console.error;
  console.error = function () {
    status.errors.push(Array.prototype.join.call(arguments, ' '));
    publish();
    return consoleError.apply(console, arguments);
  };
  function publish() {
    document.documentElement.setAttribute('data-charts', String(status.charts));
    document.documentElement.setAttribute('data-errors', JSON.stringify(status.errors));
  }

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var files = data.files;
  function name(f) { return f.role ? f.role : f.source.replace(/^.*[\\/]/, ''); }
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

  function bars(title, xName, yName, categories, series, horizontal) {
    var many = categories.length > 8;
    var catAxis = { type: 'category', data: categories, name: xName, nameLocation: 'middle',
      nameGap: horizontal ? 110 : (many ? 60 : 30), axisLabel: { interval: 0, rotate: (!horizontal && many) ? 40 : 0, hideOverlap: true,
        width: horizontal ? 100 : undefined, overflow: 'truncate' } };
    var valAxis = { type: 'value', name: yName, nameLocation: 'middle', nameGap: horizontal ? 30 : 50, minInterval: 1 };
    return {
      color: palette,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 120 : 60, right: 20, top: series.length > 1 ? 30 : 14, bottom: many && !horizontal ? 90 : 48,
        containLabel: false },
      xAxis: horizontal ? valAxis : catAxis,
      yAxis: horizontal ? catAxis : valAxis,
      series: series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.data,
          label: { show: categories.length * series.length <= 30, position: horizontal ? 'right' : 'top' } };
      })
    };
  }

  function histogram(key, xName) {
    var present = files.filter(function (f) { return f[key]; });
    if (!present.length) { return null; }
    var bins = present[0][key].bins;
    var series = present.map(function (f) {
      return { name: name(f), data: bins.map(function (b) { var k = f[key].bins.indexOf(b); return k < 0 ? 0 : f[key].counts[k]; }) };
    });
    // Empty bins at either end say nothing: show from the first bin with a value to the last.
    var first = bins.length, last = -1;
    series.forEach(function (s) {
      s.data.forEach(function (c, i) { if (c > 0) { first = Math.min(first, i); last = Math.max(last, i); } });
    });
    series.forEach(function (s) { s.data = s.data.slice(first, last + 1); });
    return bars('', xName, 'count', bins.slice(first, last + 1), series);
  }

  function classes() {
    var names = {};
    files.forEach(function (f) { Object.keys(f.classes).forEach(function (c) { names[c] = true; }); });
    var cats = Object.keys(names).sort();
    if (!cats.length) { return null; }
    var series = [];
    files.forEach(function (f) {
      var objects = f.task !== 'image-classification' && f.task !== 'image-classification-multilabel';
      series.push({ name: name(f) + ' images', data: cats.map(function (c) { return f.classes[c] ? f.classes[c][0] : 0; }) });
      if (objects) {
        series.push({ name: name(f) + ' instances', data: cats.map(function (c) { return f.classes[c] ? f.classes[c][1] : 0; }) });
      }
    });
    var option = bars('', 'class', 'count', cats, series, cats.length > 12);
    return { option: option, height: cats.length > 12 ? Math.min(4000, 60 + cats.length * 14 * Math.max(1, series.length / 2)) : 300 };
  }

  function centres() {
    var present = files.filter(function (f) { return f.centres && f.centres.length; });
    if (!present.length) { return null; }
    var grid = {};
    var max = 1;
    present.forEach(function (f) {
      f.centres.forEach(function (c) { var k = c[0] + ',' + c[1]; grid[k] = (grid[k] || 0) + c[2]; max = Math.max(max, grid[k]); });
    });
    var cells = Object.keys(grid).map(function (k) { var p = k.split(','); return [+p[0], +p[1], grid[k]]; });
    var axis = []; for (var i = 0; i < 20; i++) { axis.push((i / 20).toFixed(2)); }
    return { option: {
      tooltip: { formatter: function (p) { return 'x ' + axis[p.value[0]] + ', y ' + axis[p.value[1]] + ': ' + p.value[2] + ' boxes'; } },
      grid: { left: 60, right: 20, top: 10, bottom: 90 },
      xAxis: { type: 'category', data: axis, name: 'centre x (fraction of width)', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'category', data: axis, inverse: true, name: 'centre y', nameLocation: 'middle', nameGap: 45 },
      visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, text: ['more boxes', 'fewer'] },
      series: [{ type: 'heatmap', data: cells, name: 'boxes' }]
    } };
  }

  function imageSizes() {
    var present = files.filter(function (f) { return f.imageWidth || f.imageHeight; });
    if (!present.length) { return null; }
    var bins = (present[0].imageWidth || present[0].imageHeight).bins;
    var series = [];
    present.forEach(function (f) {
      ['imageWidth', 'imageHeight'].forEach(function (k) {
        if (f[k]) { series.push({ name: name(f) + (k === 'imageWidth' ? ' width' : ' height'), data: f[k].counts }); }
      });
    });
    var first = bins.length, last = -1;
    series.forEach(function (s) {
      s.data.forEach(function (c, i) { if (c > 0) { first = Math.min(first, i); last = Math.max(last, i); } });
    });
    series.forEach(function (s) { s.data = s.data.slice(first, last + 1); });
    return bars('', 'pixels', 'images', bins.slice(first, last + 1), series);
  }

  function urlForms() {
    var names = {};
    files.forEach(function (f) { Object.keys(f.urlForms).forEach(function (c) { names[c] = true; }); });
    var cats = Object.keys(names);
    if (!cats.length) { return null; }
    return bars('', 'URL form', 'images', cats, files.map(function (f) {
      return { name: name(f), data: cats.map(function (c) { return f.urlForms[c] || 0; }) };
    }));
  }

  var builders = {
    classes: classes,
    objectsPerImage: function () { return histogram('objectsPerImage', 'objects in one image'); },
    boxWidth: function () { return histogram('boxWidth', 'width / image width'); },
    boxHeight: function () { return histogram('boxHeight', 'height / image height'); },
    boxArea: function () { return histogram('boxArea', 'area / image area'); },
    aspectRatio: function () { return histogram('aspectRatio', 'width / height'); },
    centres: centres,
    pointsPerSegment: function () { return histogram('pointsPerSegment', 'points in one segment'); },
    imageSizes: imageSizes,
    urlForms: urlForms,
    brightness: function () { return histogram('brightness', 'mean luminance'); },
    contrast: function () { return histogram('contrast', 'luminance deviation'); },
    sharpness: function () { return histogram('sharpness', 'variance of the Laplacian'); }
  };

  var plots = document.querySelectorAll('[data-chart]');
  Array.prototype.forEach.call(plots, function (el) {
    var built = builders[el.getAttribute('data-chart')]();
    if (!built) {
      el.parentNode.classList.add('empty'); // nothing to plot for this dataset (e.g. polygons of boxes)
      return;
    }
    var option = built.option || built;
    if (built.height) { el.style.height = built.height + 'px'; }
    option.animation = false;
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    status.charts++;
  });
  publish();
})();
