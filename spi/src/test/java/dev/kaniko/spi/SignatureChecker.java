package dev.kaniko.spi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every type in the public/protected surface of a class that is not a JDK type
 * ({@code java.*}, {@code javax.*}) or an SPI type ({@code dev.kaniko.spi.*}).
 */
final class SignatureChecker {

  private final List<String> violations = new ArrayList<>();
  private final Set<TypeVariable<?>> visitedVariables = new HashSet<>();

  /** The violations of {@code type}'s visible surface, as "where: foreign type" lines. */
  static List<String> violationsOf(Class<?> type) {
    SignatureChecker checker = new SignatureChecker();
    checker.checkClass(type);
    return checker.violations;
  }

  static boolean isAllowed(Class<?> type) {
    Class<?> base = type;
    while (base.isArray()) {
      base = base.getComponentType();
    }
    if (base.isPrimitive()) {
      return true;
    }
    String name = base.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("dev.kaniko.spi.");
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private void checkClass(Class<?> type) {
    String where = type.getName();
    checkAnnotations(where, type);
    checkTypeVariables(where, type.getTypeParameters());
    if (type.getGenericSuperclass() != null) {
      checkType(where + " superclass", type.getGenericSuperclass());
    }
    for (Type implemented : type.getGenericInterfaces()) {
      checkType(where + " interface", implemented);
    }
    for (Field field : type.getDeclaredFields()) {
      if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
        checkAnnotations(where + "." + field.getName(), field);
        checkType(where + "." + field.getName(), field.getGenericType());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
        checkExecutable(where + ".<init>", constructor);
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
        checkExecutable(where + "." + method.getName(), method);
        checkType(where + "." + method.getName() + " returns", method.getGenericReturnType());
      }
    }
  }

  private void checkExecutable(String where, Executable executable) {
    checkAnnotations(where, executable);
    checkTypeVariables(where, executable.getTypeParameters());
    for (Parameter parameter : executable.getParameters()) {
      checkAnnotations(where + " parameter", parameter);
    }
    for (Type parameterType : executable.getGenericParameterTypes()) {
      checkType(where + " parameter", parameterType);
    }
    for (Type exception : executable.getGenericExceptionTypes()) {
      checkType(where + " throws", exception);
    }
  }

  private void checkAnnotations(String where, AnnotatedElement element) {
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      checkType(where + " annotation", annotation.annotationType());
    }
  }

  private void checkTypeVariables(String where, TypeVariable<?>[] variables) {
    for (TypeVariable<?> variable : variables) {
      checkType(where + " <" + variable.getName() + ">", variable);
    }
  }

  private void checkType(String where, Type type) {
    if (type instanceof Class<?> raw) {
      if (!isAllowed(raw)) {
        violations.add(where + ": " + raw.getTypeName());
      }
    } else if (type instanceof ParameterizedType parameterized) {
      checkType(where, parameterized.getRawType());
      if (parameterized.getOwnerType() != null) {
        checkType(where, parameterized.getOwnerType());
      }
      for (Type argument : parameterized.getActualTypeArguments()) {
        checkType(where, argument);
      }
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        checkType(where, bound);
      }
      for (Type bound : wildcard.getLowerBounds()) {
        checkType(where, bound);
      }
    } else if (type instanceof TypeVariable<?> variable) {
      if (visitedVariables.add(variable)) {
        for (Type bound : variable.getBounds()) {
          checkType(where, bound);
        }
      }
    } else if (type instanceof GenericArrayType array) {
      checkType(where, array.getGenericComponentType());
    } else {
      violations.add(where + ": unknown kind of type " + type);
    }
  }
}
