#!/usr/bin/env python3
"""What users would run instead of a linter: load every file with PyYAML's C loader, no checks.

    pyyaml_load.py LISTFILE    (one path per line)
"""
import sys

import yaml

if not getattr(yaml, "__with_libyaml__", False):
    sys.exit("pyyaml_load: PyYAML was built without libyaml; CSafeLoader is missing")

documents = 0
with open(sys.argv[1]) as listing:
    for line in listing:
        path = line.rstrip("\n")
        if not path:
            continue
        with open(path, "rb") as f:
            for _ in yaml.load_all(f, Loader=yaml.CSafeLoader):
                documents += 1
print(f"pyyaml: {documents} documents", file=sys.stderr)
