# A loop inside a built-in (sum over a huge range) is stopped by the
# instruction budget like a Python loop (it used to freeze the page).
print("start")
print(sum(range(10**18)))
