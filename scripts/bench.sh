#!/usr/bin/env bash
# Reproduces the speed table of docs/PERFORMANCE.md (issue 14) in one run, side by side:
#   1. the CLI on a ten-service file against a Java hello-world on the same JVM (hyperfine);
#   2. `compose4j validate` on the 2,000-service stack against `docker stack config` (hyperfine);
#   3. in-process read + validate + write against Jackson's readTree + write (JMH);
#   4. a file holding one 8 MB scalar, read and validated by the CLI (hyperfine).
# When a Java 25 is found under /usr/lib/jvm, rows 1 and 2 also run the launcher on it (its
# ahead-of-time cache) against a hello-world on that Java.
# Needs a build (`mvn -B -q -DskipTests package`), python3, the docker CLI, and hyperfine
# (installed from Debian when missing). Results go to target/bench/ (markdown and JSON).
# Measure on a quiet machine: other load skews the absolute times, less so the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
gen=../shared/tools/gen-big-stack.py
[ -f "$gen" ] || { echo "bench: $gen not found (../shared)" >&2; exit 1; }
python3 "$gen" 10 > "$out/ten.yml"
python3 "$gen" 2000 > "$out/big.yml"
python3 - "$out/scalar8m.yml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("services:\n  web:\n    image: nginx:1.27\n    environment:\n      BLOB: " + "x" * (8 * 1024 * 1024) + "\n")
PY
mkdir -p "$out/hello"
cat > "$out/hello/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
"${java}c" -d "$out/hello" "$out/hello/Hello.java"

# the release archive's launcher (makes its start-up cache on the first run)
rm -rf "$out/dist" "$out/cache" && mkdir -p "$out/dist"
tar xzf compose-cli/target/compose4j-*-bin.tar.gz -C "$out/dist"
launcher=$(ls "$out"/dist/compose4j-*/bin/compose4j)
export XDG_CACHE_HOME=$PWD/$out/cache
"$launcher" validate "$out/ten.yml" >/dev/null || true
# a Java 25 when there is one: the launcher uses an ahead-of-time cache there
java25=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*jdk-25* 2>/dev/null | head -n 1 || true)
if [ -n "$java25" ] && [ -x "$java25/bin/java" ]; then
  env JAVA_HOME="$java25" "$launcher" validate "$out/ten.yml" >/dev/null || true
  startup25=(-n "java Hello (Java 25)" "$java25/bin/java -cp $out/hello Hello"
    -n "compose4j (release launcher, Java 25)" "env JAVA_HOME=$java25 $launcher validate $out/ten.yml")
  big25=(-n "compose4j (release launcher, Java 25)" "env JAVA_HOME=$java25 $launcher validate $out/big.yml")
else
  startup25=()
  big25=()
fi

echo "== 1. start-up: ten services"
hyperfine -N -w 3 -r 15 -i --export-markdown "$out/startup.md" --export-json "$out/startup.json" \
  -n "java Hello" "$java -cp $out/hello Hello" \
  -n "compose4j (release launcher)" "$launcher validate $out/ten.yml" \
  -n "java -jar compose4j.jar" "$java -jar compose-cli/target/compose4j.jar validate $out/ten.yml" \
  -n "docker stack config" "docker stack config -c $out/ten.yml" \
  "${startup25[@]}"

echo "== 2. 2,000 services"
hyperfine -N -w 2 -r 10 -i --export-markdown "$out/big.md" --export-json "$out/big.json" \
  -n "docker stack config" "docker stack config -c $out/big.yml" \
  -n "compose4j (release launcher)" "$launcher validate $out/big.yml" \
  -n "java -jar compose4j.jar" "$java -jar compose-cli/target/compose4j.jar validate $out/big.yml" \
  "${big25[@]}"

echo "== 4. one 8 MB scalar"
hyperfine -N -w 1 -r 5 -i --export-markdown "$out/scalar.md" \
  -n "compose4j validate (8 MB scalar)" "$launcher validate $out/scalar8m.yml" \
  -n "docker stack config (8 MB scalar)" "docker stack config -c $out/scalar8m.yml"

echo "== 3. in-process pipeline (JMH)"
$java -jar benchmarks/target/benchmarks.jar 'PipelineBenchmark\.(jacksonReadTreeWrite|readValidateWrite)' \
  -p services=2000,20000 -f 1 -wi 3 -i 5 -w 2s -r 2s -rf json -rff "$out/pipeline.json" | tail -8

python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
def means(name):
    return {r["command"]: r["median"] for r in json.load(open(os.path.join(out, name)))["results"]}
s, b = means("startup.json"), means("big.json")
print("\nratios (medians)")
print(f"  ten services, release launcher / java Hello: {s['compose4j (release launcher)'] / s['java Hello']:.2f}x (budget 3x)")
print(f"  ten services, java -jar / java Hello:        {s['java -jar compose4j.jar'] / s['java Hello']:.2f}x")
print(f"  2,000 services, launcher / docker:           {b['compose4j (release launcher)'] / b['docker stack config']:.2f}x (budget 0.6x)")
print(f"  2,000 services, java -jar / docker:          {b['java -jar compose4j.jar'] / b['docker stack config']:.2f}x")
if "compose4j (release launcher, Java 25)" in s:
    print(f"  Java 25: ten services, launcher / java Hello:  {s['compose4j (release launcher, Java 25)'] / s['java Hello (Java 25)']:.2f}x")
    print(f"  Java 25: 2,000 services, launcher / docker:    {b['compose4j (release launcher, Java 25)'] / b['docker stack config']:.2f}x")
p = {}
for r in json.load(open(os.path.join(out, "pipeline.json"))):
    p[(r["benchmark"].rsplit(".", 1)[1], r["params"]["services"])] = r["primaryMetric"]["score"]
for n in ("2000", "20000"):
    j, c = p.get(("jacksonReadTreeWrite", n)), p.get(("readValidateWrite", n))
    if j and c:
        print(f"  {n} services in process, read+validate+write / Jackson readTree+write: {c:.1f} / {j:.1f} ms = {c / j:.2f}x (budget 1.5x)")
PY
