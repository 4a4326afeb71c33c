ln -s /etc/passwd abs-link
ln -s ../../../../../../../../etc/passwd up-link
ln -s /etc dir-link
