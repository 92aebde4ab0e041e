"""`newslint audit`: the whole archive, not one draft.

Stories come from folders of drafts, JSON Lines (gzip too), CSV and Parquet (`sources`), in
partitions of a few hundred; each partition is linted by a pure, picklable function (`work`) on
this machine's cores or on a Dask cluster (`engines`); each finished partition is written to the
output folder at once (`store`), so a killed run resumes where it stopped; the partitions'
counts add up to the summary (`summary`), and the summary becomes a page (`report`).

Only `command` is imported by `newslint.cli`, and it imports pyarrow, Dask and matplotlib
only when an audit runs: `import newslint` and `newslint check` never load them.
"""
