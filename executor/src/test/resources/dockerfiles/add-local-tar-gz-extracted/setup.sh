mkdir -p src/top
echo 'in tar' > src/top/f
chmod 0640 src/top/f
chmod 0750 src/top
tar --numeric-owner --owner=1234 --group=5678 -czf archive.tar.gz -C src top
rm -rf src
