import asyncio
import os.path as osp, sys
from collections import deque, defaultdict as dd
from . import sibling
from .. import parent
from ...pkg.mod import (a, b as c,)
from .mod import x

counter = 0


def bump():
    global counter
    counter += 1

    def inner():
        nonlocal_var = 1

        def deeper():
            nonlocal nonlocal_var
            nonlocal_var += 1
        return deeper
    return inner
