# match: nested sequence patterns destructure nested data.
points = [((0, 0), (1, 1)), ((2, 3), (2, 5)), [(1, 2), [3, 4]], ((1, 2), (3,))]
for seg in points:
    match seg:
        case ((x1, y1), (x2, y2)) if x1 == x2:
            print("vertical at x =", x1, "from", y1, "to", y2)
        case [[x1, y1], [x2, y2]]:
            print("segment", x1, y1, x2, y2)
        case _:
            print("not a segment:", seg)
