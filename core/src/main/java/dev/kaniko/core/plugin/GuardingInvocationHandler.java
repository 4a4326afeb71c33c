package dev.kaniko.core.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/** Proxies a provider created by a plugin so that every call goes through its {@link PluginGuard}. */
final class GuardingInvocationHandler implements InvocationHandler {

  private final PluginGuard guard;
  private final Object target;
  private final String typeName;

  private GuardingInvocationHandler(PluginGuard guard, Object target, Class<?> type) {
    this.guard = guard;
    this.target = target;
    this.typeName = type.getSimpleName();
  }

  /** Wraps {@code target} (an instance of the interface {@code type}) in a guarding proxy. */
  static <T> T wrap(PluginGuard guard, Class<T> type, T target) {
    List<Class<?>> interfaces = new ArrayList<>(List.of(type));
    if (target instanceof AutoCloseable && !AutoCloseable.class.isAssignableFrom(type)) {
      interfaces.add(AutoCloseable.class);
    }
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            interfaces.toArray(Class<?>[]::new),
            new GuardingInvocationHandler(guard, target, type));
    return type.cast(proxy);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return invokeObjectMethod(proxy, method, args);
    }
    String operation = typeName + "." + method.getName();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(guard.loader());
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw translate(operation, method, e.getCause());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Throwable translate(String operation, Method method, Throwable cause) {
    if (!(cause instanceof RuntimeException) && !(cause instanceof LinkageError)) {
      return cause;
    }
    if (cause instanceof UncheckedPluginException) {
      return cause;
    }
    if (declaresPluginException(method)) {
      return guard.failure(operation, cause);
    }
    return new UncheckedPluginException(guard.failure(operation, cause));
  }

  private static boolean declaresPluginException(Method method) {
    for (Class<?> declared : method.getExceptionTypes()) {
      if (declared.isAssignableFrom(dev.kaniko.spi.PluginException.class)) {
        return true;
      }
    }
    return false;
  }

  private Object invokeObjectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return guard.callUnchecked(typeName + ".toString", target::toString);
    }
  }
}
