#!/bin/sh
echo "hello from the kaniko-jvm example, version $APP_VERSION"
