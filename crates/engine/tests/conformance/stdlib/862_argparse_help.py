# -h prints CPython's help text to stdout and exits with status 0.
import argparse
parser = argparse.ArgumentParser(prog="fetch", description="Download pages concurrently.", epilog="Have fun.")
parser.add_argument("urls", nargs="+", help="pages to download")
parser.add_argument("-c", "--concurrency", type=int, default=5, help="parallel downloads (default: %(default)s)")
parser.add_argument("--timeout", type=float, metavar="SECS", help="give up after SECS seconds")
parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
parser.add_argument("-q", "--quiet", action="store_true", help="print nothing")
try:
    parser.parse_args(["-h"])
except SystemExit as e:
    print("exit", e.code)
