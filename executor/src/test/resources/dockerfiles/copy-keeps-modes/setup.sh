chmod 0755 dir/run.sh
chmod 0700 dir/private
chmod 0600 dir/private/key
chmod 4755 dir/suid
