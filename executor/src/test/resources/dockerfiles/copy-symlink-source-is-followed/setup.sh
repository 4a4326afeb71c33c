ln -s real.txt link.txt
