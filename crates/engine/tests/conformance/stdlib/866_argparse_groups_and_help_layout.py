# Argument groups get their own help section; long invocations push help to the next line.
import argparse
p = argparse.ArgumentParser(prog="sim", description="Simulate a queue of workers over a long period of virtual time, printing what each worker does.")
g = p.add_argument_group("timing", "How long things take.")
g.add_argument("--service-time-in-seconds", type=float, default=1.0, help="mean time to serve one customer in the simulation")
g.add_argument("--arrivals", type=int, default=10, help="customers")
p.add_argument("workers", type=int, help="number of workers")
p.print_help()
