# leading comment

x = 1  # trailing comment
    # indented comment at module level

if x:
    # comment in block

    y = 2
        # over-indented comment
    z = 3
# dedented comment
w = (1 +  # inside brackets
     2)
v = 1 + \
    2
