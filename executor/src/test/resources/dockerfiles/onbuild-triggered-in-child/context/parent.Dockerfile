ARG BASE
FROM $BASE
ONBUILD RUN echo triggered > /triggered
ONBUILD ENV FROM_ONBUILD=1
ONBUILD COPY ctx.txt /from-context
