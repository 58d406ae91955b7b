#!/bin/bash
# Scores a phrasing battery (Tests/RightsCoreTests/Fixtures/phrasing/) sentence by sentence with
# `rightsbrief explain`: lines `EXPECTED INDICATORS|sentence` (or bare sentences that must give no
# finding). Prints the expected (indicator) pairs found and the unexpected ones; with -v, each line
# that differs.
#   tools/phrasing-battery.sh [-v] BINARY FILE      (run from the project root: it reads rules/)
verbose=0; [ "$1" = -v ] && { verbose=1; shift; }
bin=${1:?binary}; file=${2:?battery file}
found=0; expected=0; extra=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  case "$line" in *"|"*) want=${line%%|*}; sentence=${line#*|} ;; *) want=""; sentence=$line ;; esac
  got=$("$bin" explain "$sentence" </dev/null 2>/dev/null | awk '$1 == "finding" { print $3 }' | sort -u | tr '\n' ' ')
  missed=""; unexpected=""
  for w in $want; do expected=$((expected + 1)); case " $got" in *" $w "*) found=$((found + 1)) ;; *) missed="$missed $w" ;; esac; done
  for g in $got; do case " $want " in *" $g "*) ;; *) unexpected="$unexpected $g"; extra=$((extra + 1)) ;; esac; done
  [ $verbose = 1 ] && [ -n "$missed$unexpected" ] && echo "missed:${missed:- none}; unexpected:${unexpected:- none} :: $sentence"
done < "$file"
echo "expected pairs found: $found of $expected; unexpected pairs: $extra"
