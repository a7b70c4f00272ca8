#!/usr/bin/env bash
# Writes a no-code content pack of N generated guidance articles (default 10,000) into the given plugin folder,
# for the list/search benchmark. Usage: bench/generate-content.sh <plugin-folder> [count] [plugin-id]
set -euo pipefail
folder=$1
count=${2:-10000}
id=${3:-bench-content}
mkdir -p "$folder/content"
cat > "$folder/plugin.json" <<JSON
{ "id": "$id", "name": "Generated benchmark content", "version": "1.0.0", "publisher": "Benchmark",
  "contractVersion": "1.0", "description": "$count generated guidance articles for bench/run.sh." }
JSON
# Article ids keep their original form in the default pack, so the benchmark's URLs stay the same.
awk -v count="$count" -v id="$id" 'BEGIN {
  prefix = (id == "bench-content") ? "bench" : id
  print "items:"
  for (i = 1; i <= count; i++) {
    printf "  - kind: guidance\n"
    printf "    id: %s-article-%05d\n", prefix, i
    printf "    title: \"Benchmark article %d\"\n", i
    printf "    summary: \"A generated article (number %d) that the benchmark lists and searches.\"\n", i
    printf "    audiences: [%s]\n", (i % 3 == 0 ? "young-people" : (i % 3 == 1 ? "parents-carers" : "professionals"))
    printf "    topics: [%s]\n", (i % 2 == 0 ? "sextortion" : "sharing-nudes")
    printf "    body: \"Generated body of benchmark article %d. It is about keeping children safe online and where to get help.\"\n", i
    printf "    source: { publisher: \"Benchmark\", url: \"https://example.org/benchmark\" }\n"
    printf "    review: { lastReviewed: 2026-11-29, nextReviewDue: 2027-11-29, owner: \"Benchmark\" }\n"
  }
}' > "$folder/content/articles.yaml"
