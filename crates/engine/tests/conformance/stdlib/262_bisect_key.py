# bisect with key= (Python 3.10+): searching and inserting records by a field
import bisect
from operator import itemgetter
rows = [("ann", 20), ("bo", 25), ("cy", 31), ("di", 40)]
print(bisect.bisect_left(rows, 25, key=itemgetter(1)), bisect.bisect_right(rows, 25, key=itemgetter(1)))
bisect.insort(rows, ("ed", 30), key=itemgetter(1))
bisect.insort_left(rows, ("fi", 25), key=itemgetter(1))
print(rows)
