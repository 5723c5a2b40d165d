// buzon-bench: throughput figures for parse, decide-and-store and end to end.
print("buzon-bench: no benchmarks yet")
