#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Expected answers for tests/import/colt_test.cpp, computed straight from the fixture
# tests/import/data/colt-sample.csv with Python's csv module, independently of the C++ importer.
# Run: /usr/bin/python3 tests/import/colt_expected.py
import csv
import datetime as dt
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = list(csv.DictReader(open(os.path.join(HERE, 'data', 'colt-sample.csv'), encoding='utf-8', newline='')))


def day(cell):
    cell = cell.strip()
    if cell.isdigit():
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(cell))
    return dt.date.fromisoformat(cell[:10])


good, rejected = [], []
for r in ROWS:
    s, e = day(r['TripStartDate']), day(r['TripEndDate'])
    if e < s or r['CountryVisitedISO'] == 'XXX':
        rejected.append(r['TripID'])
    else:
        good.append(dict(r, s=s, e=e))
dups = {}
for r in good:
    dups.setdefault((r['LeaderFullName'], r['CountryVisitedISO'], r['s'], r['e']), []).append(r['TripID'])
merged = sum(len(v) - 1 for v in dups.values())
print('rows read:', len(ROWS), 'rejected:', len(rejected), 'merged:', merged,
      'events:', len(ROWS) - len(rejected) - merged)


def acronym(name):
    m = re.search(r'\(([A-Z]{2,})\)', name)
    if m:
        return m.group(1)
    m = re.search(r'\b([A-Z]{3,})\b', name)
    return m.group(1) if m else name.lower()


def who(r):
    return r['LeaderSurname'] or r['LeaderFullName']


# In Russia on 2025-05-09: the travellers whose rows to RUS cover the day.
d = dt.date(2025, 5, 9)
print('in Russia on 2025-05-09:', sorted(who(r) for r in good if r['CountryVisitedISO'] == 'RUS' and r['s'] <= d <= r['e']))

# Lula and Chavez: the host met on a visit of the other, or one gathering (same country,
# overlapping days, same acronym) that both attended; the last day both were there, before 2011.
lula = [r for r in good if 'Lula' in r['LeaderFullName']]
chavez = [r for r in good if r['LeaderFullName'] == 'Hugo Chavez']
met = [r['s'] for r in lula if 'Chavez' in r['HostHOGSName'] and r['MetHostHoGS'] == 'Yes']
met += [r['s'] for r in chavez if 'Lula' in r['HostHOGSName'] and r['MetHostHoGS'] == 'Yes']
for a in lula:
    for b in chavez:
        if a['CountryVisitedISO'] == b['CountryVisitedISO'] and a['s'] <= b['e'] and b['s'] <= a['e']:
            if {acronym(n) for n in a['NameMultilatEvent'].split(';')} & {acronym(n) for n in b['NameMultilatEvent'].split(';')}:
                met.append(max(a['s'], b['s']))
print('Lula and Chavez met on:', sorted(str(m) for m in met), 'last before 2011:', max(m for m in met if m.year < 2011))

# The UNASUR summit in Guyana, November 2010: who attended.
guy = [r for r in good if r['CountryVisitedISO'] == 'GUY' and 'UNASUR' in r['NameMultilatEvent'].replace('AmericanNations', 'American Nations')]
print('UNASUR Guyana 2010 attendees:', len({r['LeaderFullName'] for r in guy}), sorted(who(r) for r in guy))

# The UNASUR summit in Argentina, May 2010: one named with its acronym, one without.
arg = [r for r in good if r['CountryVisitedISO'] == 'ARG' and 'South American Nations' in r['NameMultilatEvent']]
print('UNASUR Argentina 2010 rows:', sorted((r['TripID'], r['NameMultilatEvent']) for r in arg))

# Excel serial days.
print('serial days:', [(r['TripID'], r['TripStartDate'], str(day(r['TripStartDate']))) for r in ROWS if r['TripStartDate'].isdigit()][:3])
