#!/usr/bin/env python3
"""After `git merge` of a branch made before the API split: resolves conflict hunks made only of import lines by
taking both sides, applies build/api-renames.sed to the Java, service and Markdown files the merge touched (and
new files), drops duplicate and same-package imports. Run from the repository root; then compile."""
import re, subprocess, sys, os
root = subprocess.check_output(['git', 'rev-parse', '--show-toplevel'], text=True).strip()
os.chdir(root)
sed = 'build/api-renames.sed'
conflicted = subprocess.check_output(['git', 'diff', '--name-only', '--diff-filter=U'], text=True).split()
hunk = re.compile(r'^<<<<<<< [^\n]*\n(.*?)^=======\n(.*?)^>>>>>>> [^\n]*\n', re.S | re.M)
for path in conflicted:
    if not os.path.exists(path):
        continue
    text = open(path).read()
    def union(m):
        lines = m.group(1).splitlines(True) + m.group(2).splitlines(True)
        if all(l.startswith('import ') or not l.strip() for l in lines):
            return ''.join(lines)
        return m.group(0)
    new = hunk.sub(union, text)
    if new != text:
        open(path, 'w').write(new)
        print('imports united:', path)
changed = subprocess.check_output(['git', 'diff', '--name-only', 'HEAD'], text=True).split()
changed += subprocess.check_output(['git', 'ls-files', '--others', '--exclude-standard'], text=True).split()
targets = [p for p in set(changed) if os.path.exists(p)
           and (p.endswith('.java') or p.endswith('.md') or '/META-INF/services/' in p)]
if targets:
    subprocess.check_call(['sed', '-i', '-f', sed] + targets)
for p in targets:
    if not p.endswith('.java'):
        continue
    text = open(p).read()
    m = re.search(r'^package ([\w.]+);', text, re.M)
    pkg = m.group(1) if m else ''
    seen, out = set(), []
    for line in text.splitlines(True):
        im = re.match(r'import ([\w.]+)\.(\w+);', line)
        if im and (line in seen or im.group(1) == pkg):
            continue
        if im:
            seen.add(line)
        out.append(line)
    if ''.join(out) != text:
        open(p, 'w').write(''.join(out))
left = [p for p in conflicted if os.path.exists(p) and '<<<<<<<' in open(p).read()]
print('still in conflict:', left or 'none')

# Same-package references the split broke: a class that a branch added to an old package (core.config, ...) and a
# class that left that package (OidcConfig to core, ...) used each other without an import. Add the imports.
rules = [l for l in open(sed) if l.startswith('s/\\bio')]
explicit = {}
wholesale = {}
for r in rules:
    a, b = r[2:].split('/')[0:2]
    a = a.replace('\\b', '').replace('\\.', '.')
    if a.rsplit('.', 1)[1][0].isupper():
        explicit[b] = a.rsplit('.', 1)[0]
    else:
        wholesale[b] = a
def fqn_of(p):
    m = re.search(r'src/(?:main|test)/java/(.*)\.java$', p)
    return m.group(1).replace('/', '.') if m else None
def old_package(fqn):
    if fqn in explicit:
        return explicit[fqn]
    pkg = fqn.rsplit('.', 1)[0]
    return wholesale.get(pkg, pkg)
every = [p for p in subprocess.check_output(['git', 'ls-files', '-co', '--exclude-standard', '*.java'], text=True).split()
         if fqn_of(p) and not p.endswith('package-info.java')]
by_old = {}
for p in every:
    f = fqn_of(p)
    by_old.setdefault(old_package(f), set()).add(f)
for p in targets:
    if not p.endswith('.java') or not fqn_of(p):
        continue
    f = fqn_of(p)
    pkg = f.rsplit('.', 1)[0]
    text = open(p).read()
    body = re.sub(r'^(import|package) .*;\n', '', text, flags=re.M)
    body = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', body)
    imported = set(re.findall(r'^import ([\w.]+);', text, re.M))
    add = sorted(c for c in by_old.get(old_package(f), ()) if c.rsplit('.', 1)[0] != pkg and c not in imported
                 and re.search(r'(?<![\w.])' + c.rsplit('.', 1)[1] + r'\b', body)
                 and ('/src/test/' in p or '/src/main/' in next(q for q in every if fqn_of(q) == c)))
    if add:
        lines = ''.join('import %s;\n' % c for c in add)
        if re.search(r'^import ', text, re.M):
            text = re.sub(r'^(import )', lines + r'\1', text, count=1, flags=re.M)
        else:
            text = re.sub(r'^(package .*;\n)', r'\1\n' + lines, text, count=1, flags=re.M)
        open(p, 'w').write(text)
        print('imports added to', p, add)
