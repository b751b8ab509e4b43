"""Running the pipeline on more than one text, and from the shell: the command line
(:mod:`~timeline.run.cli`), corpora (:mod:`~timeline.run.corpus`), batches on every core
(:mod:`~timeline.run.batch` over :mod:`~timeline.run.pool`) and Dask (:mod:`~timeline.run.dask`)."""
