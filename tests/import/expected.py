#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Expected answers for tests/import/historyatstate_test.cpp, computed straight from the XML
# with xml.etree, independently of the C++ importer. Run: /usr/bin/python3 tests/import/expected.py
import datetime as dt
import glob
import os
import xml.etree.ElementTree as ET

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'historyatstate')
D = dt.date.fromisoformat


def visits():
    for f in sorted(glob.glob(os.path.join(ROOT, 'visits', '*.xml'))):
        for v in ET.parse(f).getroot().iter('visit'):
            yield dict(id=v.findtext('id'), s=D(v.findtext('start-date').strip()),
                       e=D(v.findtext('end-date').strip()), visitor=(v.findtext('visitor') or '').strip(),
                       slug=v.find('from').get('id'), desc=v.findtext('description') or '')


def trips(kind):
    for f in sorted(glob.glob(os.path.join(ROOT, 'travels', kind + '-travels', '*.xml'))):
        for t in ET.parse(f).getroot().iter('trip'):
            yield dict(id=t.findtext('id'), who=t.get('who'), s=D(t.findtext('start-date').strip()),
                       e=D(t.findtext('end-date').strip()), slug=t.find('country').get('id'),
                       locale=t.findtext('locale'), remarks=t.findtext('remarks'))


V = list(visits())
P = list(trips('president'))
S = list(trips('secretary'))
print('records read:', len(V), len(P), len(S))

# Last visit from Germany starting before 2020-01-01.
g = max((v for v in V if v['slug'] == 'germany' and v['s'] < D('2020-01-01')), key=lambda v: v['s'])
print('last German visit before 2020:', g['id'], g['s'], g['visitor'])

# Visits from France starting 1990-01-01..1999-12-31 (one guest each; consecutive visits of one
# visitor within a day of each other would be one trip: none here, checked below).
fr = sorted((v for v in V if v['slug'] == 'france' and D('1990-01-01') <= v['s'] <= D('1999-12-31')),
            key=lambda v: v['s'])
adjacent = [(a['id'], b['id']) for a, b in zip(fr, fr[1:])
            if a['visitor'] == b['visitor'] and b['s'] <= a['e'] + dt.timedelta(days=1)]
print('French visits in the 1990s:', len(fr), 'two-person records:',
      sum(' and ' in v['visitor'] for v in fr), 'adjacent pairs:', adjacent)

# Obama's last trip to the United Kingdom.
o = max((t for t in P if t['who'] == 'obama-barack' and t['slug'] == 'united-kingdom'), key=lambda t: t['s'])
print('Obama last in UK:', o['id'], o['s'], o['e'])

# The country Warren Christopher visited most, counting a run of consecutive stops in one country
# (each starting at most a day after the previous ends) as one visit.
k = sorted((t for t in S if t['who'] == 'christopher-warren-minor'), key=lambda t: (t['s'], -(t['e'] - t['s']).days, t['id']))
count, last = {}, None
for t in k:
    if last and last['slug'] == t['slug'] and t['s'] <= last['e'] + dt.timedelta(days=1):
        last['e'] = max(last['e'], t['e'])
        continue
    last = dict(t)
    count[t['slug']] = count.get(t['slug'], 0) + 1
best = sorted(count.items(), key=lambda x: -x[1])[:3]
print('Christopher most visited:', best)

# Where was Obama on 2009-04-02?
print('Obama on 2009-04-02:', [(t['id'], t['slug'], t['locale']) for t in P
                               if t['who'] == 'obama-barack' and t['s'] <= D('2009-04-02') <= t['e']])

# The longest gap between two visits from Denmark: days from the day after the end of one
# (or of all before it) to the start of the next.
dk = sorted((v for v in V if v['slug'] == 'denmark'), key=lambda v: v['s'])
best, end = None, None
for a, b in zip(dk, dk[1:]):
    end = max(end or a['e'], a['e'])
    gap = (b['s'] - (end + dt.timedelta(days=1))).days
    if best is None or gap > best[0]:
        best = (gap, a['id'], b['id'], str(end), str(b['s']))
print('longest Danish gap:', best)

# Records named in the tests.
for i in ('2991', '855', '2240', '3082', '1205', '1293', '2025'):
    v = next(v for v in V if v['id'] == i)
    print('visit', i, v['s'], v['slug'], v['visitor'], '|', v['desc'].strip()[:40])
for y in (1985, 1995):
    t = next(t for t in S if t['slug'] == 'russia' and t['s'].year == y)
    print('secretary trip to russia', y, t['id'], t['s'])

# Journeys: Obama's stops in order of start; a stop starting at most a day after the journey so
# far ends continues it (the grouping rule of the Office's data as the header describes it).
ob = sorted((t for t in P if t['who'] == 'obama-barack'), key=lambda t: (t['s'], t['e']))
js = []
for t in ob:
    if js and t['s'] <= js[-1]['e'] + dt.timedelta(days=1):
        js[-1]['e'] = max(js[-1]['e'], t['e'])
        js[-1]['stops'].append(t['slug'])
    else:
        js.append(dict(s=t['s'], e=t['e'], stops=[t['slug']]))
j9 = [j for j in js if j['s'].year == 2009]
print('Obama journeys:', len(js), 'in 2009:', len(j9), 'stops in 2009:', sum(len(j['stops']) for j in j9),
      'first of spring 2009:', next(j['stops'] for j in j9 if j['s'] == D('2009-03-31')))

# Everyone placed on 2009-04-02 and on 2010-04-12 (Nuclear Security Summit in Washington):
# the records of all three datasets whose days cover the day.
for day in ('2009-04-02', '2010-04-12'):
    d = D(day)
    v = [x for x in V if x['s'] <= d <= x['e']]
    t = [x for x in P + S if x['s'] <= d <= x['e']]
    print('on', day, ':', len(v), 'visits', sorted(x['id'] for x in v)[:3], '...',
          'two-person records:', sum(' and ' in x['visitor'] for x in v), '| trips:',
          sorted((x['id'], x['who'], x['slug']) for x in t))

# Trips made as President-elect: the remarks (white space collapsed) say so.
pe = sorted(t['id'] for t in P if 'made as President-elect' in ' '.join((t.get('remarks') or '').split()))
print('President-elect trips:', len(pe), pe[:3], '...')
